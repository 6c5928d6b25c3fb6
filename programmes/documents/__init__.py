"""Documents the programme prints: development plans and the mentoring journal (DOCX, XLSX)."""
