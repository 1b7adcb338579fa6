#!/usr/bin/env python3
"""Writes the hostile corpus to test/hostile/ (run by hand: python3 scripts/make-hostile.py; needs qpdf).

Small files only: the large and file-system cases (a 50 MB text, deep HTML, odd names, a FIFO)
are made by test/hostile.test.ts at test time."""
import os, random, subprocess, zipfile, zlib, io
from pdf_objects import pdf

out = 'test/hostile'
os.makedirs(out, exist_ok=True)
good = open('fixtures/pdf/2021-ruled.pdf', 'rb').read()

def write(name, data):
    with open(os.path.join(out, name), 'wb') as f:
        f.write(data)

# A PDF cut in half, as an interrupted download leaves it.
write('truncated.pdf', good[: len(good) // 2])

# The cross-reference offset points nowhere: readers must rebuild it by scanning.
i = good.rindex(b'startxref')
write('broken-xref.pdf', good[:i] + b'startxref\n999999\n%%EOF\n')

# Encrypted: with a user password (cannot be opened) and with an owner password only (can).
subprocess.run(['qpdf', '--encrypt', 'secret', 'owner', '256', '--', 'fixtures/pdf/2021-ruled.pdf', os.path.join(out, 'encrypted-user-password.pdf')], check=True)
subprocess.run(['qpdf', '--encrypt', '', 'owner', '256', '--print=none', '--modify=none', '--', 'fixtures/pdf/2021-ruled.pdf', os.path.join(out, 'encrypted-owner-only.pdf')], check=True)

write('zero-bytes.pdf', b'')
random.seed(7)
write('random-bytes.pdf', bytes(random.randrange(256) for _ in range(4096)))

# A page bomb: 20,000 pages sharing one content stream.
pages = 20000
objs = [b'<< /Type /Catalog /Pages 2 0 R >>', None, b'<< /Length 0 >>\nstream\n\nendstream', b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']
kids = b' '.join(b'%d 0 R' % (5 + k) for k in range(pages))
objs[1] = b'<< /Type /Pages /Count %d /Kids [%s] >>' % (pages, kids)
for k in range(pages):
    objs.append(b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>')
write('many-pages.pdf', pdf(objs))

# A Flate bomb: one page whose content stream inflates to 200 MB of spaces.
bomb = zlib.compress(b' ' * (200 * 1024 * 1024), 9)
write('flate-bomb.pdf', pdf([
    b'<< /Type /Catalog /Pages 2 0 R >>',
    b'<< /Type /Pages /Count 1 /Kids [3 0 R] >>',
    b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    b'<< /Length %d /Filter /FlateDecode >>\nstream\n' % len(bomb) + bomb + b'\nendstream',
]))

# A DOCX zip bomb: word/document.xml inflates to 300 MB.
buf = io.BytesIO()
with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr('[Content_Types].xml', '<Types/>')
    z.writestr('word/document.xml', b' ' * (300 * 1024 * 1024))
write('zip-bomb.docx', buf.getvalue())

# A DOCX with an entry that climbs out of the archive.
buf = io.BytesIO()
with zipfile.ZipFile(buf, 'w') as z:
    z.writestr('[Content_Types].xml', '<Types/>')
    z.writestr('../../evil.txt', 'outside')
write('path-traversal.docx', buf.getvalue())

# Bytes that are neither UTF-8 nor GB18030.
write('unknown-encoding.txt', bytes([0x81, 0x30, 0xff, 0xfe, 0x80, 0xfa]) * 50)

# A report whose cells a spreadsheet would run as formulas.
lines = open('fixtures/synthetic/2019-tabs.txt', encoding='utf-8').read().split('\n')
lines[0] = '=HYPERLINK("x","点击")局'
for k, l in enumerate(lines):
    cells = l.split('\t')
    if cells[0] == '行政许可':
        cells[2] = '+1'
    if cells[0] == '行政处罚':
        cells[3] = '@SUM(1+1)'
    if cells[0] == '行政强制':
        cells[1] = '-2'
    lines[k] = '\t'.join(cells)
write('formula-cells.txt', '\n'.join(lines).encode('utf-8'))

# Word 97-2003 files damaged where a parser walks: the compound file's directory chain made a
# loop, the file cut short, the FIB's fEncrypted flag set, and the WordDocument stream renamed
# (an Office file that is not a Word document).
import struct
doc = bytearray(open('fixtures/doc/2021.doc', 'rb').read())
shift = struct.unpack_from('<H', doc, 30)[0]
size = 1 << shift
fat_sectors = struct.unpack_from('<109I', doc, 76)
def fat_at(s):
    return (fat_sectors[s // (size // 4)] + 1) * size + (s % (size // 4)) * 4
directory = struct.unpack_from('<I', doc, 48)[0]
def entry(name):
    sector = directory
    while sector < 0xfffffffc:
        base = (sector + 1) * size
        for e in range(base, base + size, 128):
            n = struct.unpack_from('<H', doc, e + 64)[0]
            if n >= 2 and doc[e:e + n - 2].decode('utf-16le') == name:
                return e
        sector = struct.unpack_from('<I', doc, fat_at(sector))[0]
    raise SystemExit(f'no {name} in the directory')
loop = bytearray(doc)
struct.pack_into('<I', loop, fat_at(directory), directory)
write('doc-directory-loop.doc', bytes(loop))
write('doc-truncated.doc', bytes(doc[: len(doc) // 3]))
encrypted = bytearray(doc)
word = struct.unpack_from('<I', doc, entry('WordDocument') + 116)[0]
fib = (word + 1) * size
struct.pack_into('<H', encrypted, fib + 10, struct.unpack_from('<H', doc, fib + 10)[0] | 0x0100)
write('doc-encrypted.doc', bytes(encrypted))
renamed = bytearray(doc)
e = entry('WordDocument')
renamed[e:e + 2] = 'X'.encode('utf-16le')
write('doc-not-word.doc', bytes(renamed))
