from django.apps import AppConfig


class ScaleConfig(AppConfig):
    """The scale generator: installed everywhere for `manage.py generate_scale_data`; no models."""

    name = "benchmarks.scale"
    label = "scale"
