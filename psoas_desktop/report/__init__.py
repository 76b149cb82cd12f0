"""The report to take to a physiotherapist: what it says (data.py) and the PDF (pdf.py)."""
