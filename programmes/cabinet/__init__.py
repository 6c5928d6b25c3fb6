"""The participant's «Личный кабинет»: their pairs, meetings and feedback, outside the admin."""
