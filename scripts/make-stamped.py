#!/usr/bin/env python3
"""Writes test/sources/stamp-and-scan.pdf (run by hand: python3 scripts/make-stamped.py).

Two nearly empty pages, each with an image over 80 % of it: on page 1 the image is a Stamp
annotation's appearance (an electronic seal is published so), on page 2 it is in the page's own
content (a scan). Only page 2 is a scanned page."""
import os
from pdf_objects import pdf

def stream(dict_entries, data):
    return b'<< %s /Length %d >>\nstream\n' % (dict_entries, len(data)) + data + b'\nendstream'

text = b'BT /F1 12 Tf 72 800 Td (Page end) Tj ET\n'
draw = b'q 476 0 0 674 60 84 cm /Im1 Do Q\n'
resources = b'<< /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >>'
objects = [
    b'<< /Type /Catalog /Pages 2 0 R >>',
    b'<< /Type /Pages /Count 2 /Kids [3 0 R 4 0 R] >>',
    b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 7 0 R /Resources %s /Annots [9 0 R] >>' % resources,
    b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 8 0 R /Resources %s >>' % resources,
    b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    stream(b'/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8', bytes(range(0, 256, 4))),
    stream(b'', text),
    stream(b'', text + draw),
    b'<< /Type /Annot /Subtype /Stamp /Rect [0 0 595 842] /F 4 /AP << /N 10 0 R >> >>',
    stream(b'/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources %s' % resources, draw),
]
os.makedirs('test/sources', exist_ok=True)
with open('test/sources/stamp-and-scan.pdf', 'wb') as f:
    f.write(pdf(objects))
