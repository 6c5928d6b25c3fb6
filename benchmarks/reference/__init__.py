"""A stock Wagtail form page: the yardstick of the questionnaire page in `make bench`."""
