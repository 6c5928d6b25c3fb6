"""The public side of the questionnaires: what a participant meets on a form page.

Serving a questionnaire or consent page, telling who the respondent is by the page's access
rule, taking a consent and counting submissions against the rate limits all answer visitors
who are not staff: anyone holding a link, or nobody signed in at all. That is the portal's
open door to participants' personal data, so it is kept in one room, apart from the admin
screens, where the whole of what the open internet can reach is read and reviewed together.
The page models hand their `serve` over to it at call time, so this package may import them.
"""
