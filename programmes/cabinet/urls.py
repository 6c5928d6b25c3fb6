from django.urls import path

from programmes.cabinet import views

app_name = "cabinet"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("meetings/<int:pk>/feedback/", views.feedback, name="feedback"),
    path("meetings/<int:pk>/held/", views.meeting_held, name="meeting_held"),
    path("consents/<int:pk>/withdraw/", views.consent_withdrawal, name="consent_withdrawal"),
]
