"""What the Department and the enterprises take away from the dashboard: charts drawn on the server
as SVG (readable on a phone, in print and in a PDF, with their table for screen readers) and
exports of any list as CSV or XLSX."""
