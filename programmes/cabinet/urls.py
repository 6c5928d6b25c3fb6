from django.urls import path

from programmes.cabinet import plans, views

app_name = "cabinet"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("meetings/<int:pk>/feedback/", views.feedback, name="feedback"),
    path("meetings/<int:pk>/held/", views.meeting_held, name="meeting_held"),
    path("consents/<int:pk>/withdraw/", views.consent_withdrawal, name="consent_withdrawal"),
    # <pk> of a plan is the mentee's membership of the pair: a plan may not be kept yet.
    path("plans/<int:pk>/", plans.plan, name="plan"),
    path("plans/<int:pk>/tasks/new/", plans.plan_task_new, name="plan_task_new"),
    path("plans/<int:pk>/document/", plans.plan_document, name="plan_document"),
    path("plans/tasks/<int:pk>/", plans.plan_task, name="plan_task"),
]
