"""Reports on questionnaire answers: the results in the admin and as an XLSX workbook."""
