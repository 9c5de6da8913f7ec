"""Rewrites assets/samples/bcf-example.xlsx the way other zip writers store packages, for
test/xlsx/zipProducers.test.ts. The parts are the sample's, byte for byte; only the zip
around them differs. Run from the repository root: python3 test/xlsx/producers/make_zip_fixtures.py

- zip64.xlsx: Python's zipfile with every record in Zip64 form (Zip64 extra fields in the
  central directory for sizes and offsets, a Zip64 end of central directory record and
  its locator), as zipfile writes a package over 4 GB.
- streamed.xlsx: Python's zipfile writing to a stream it cannot seek (each entry's sizes
  and CRC in a data descriptor after its data, flag bit 3), entries in reverse order.
- infozip.xlsx: Info-ZIP's `zip` writing to a pipe (data descriptors), entries sorted by
  name; made only where `zip` is installed. (`zip -fz` to a pipe writes a zip that Info-ZIP's
  own unzip cannot read, so it is not used.)
"""
import io
import os
import shutil
import subprocess
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, '..', '..', '..', 'assets', 'samples', 'bcf-example.xlsx')
# A fixed time, so the files are the same each time they are made.
TIME = (2025, 4, 1, 12, 0, 0)


def parts():
    with zipfile.ZipFile(SAMPLE) as source:
        return [(info.filename, source.read(info.filename)) for info in source.infolist()]


def write(out, items):
    for name, data in items:
        info = zipfile.ZipInfo(name, TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        out.writestr(info, data)


def zip64(path):
    limits = zipfile.ZIP64_LIMIT, zipfile.ZIP_FILECOUNT_LIMIT
    zipfile.ZIP64_LIMIT, zipfile.ZIP_FILECOUNT_LIMIT = 0, 0
    try:
        with zipfile.ZipFile(path, 'w') as out:
            write(out, parts())
    finally:
        zipfile.ZIP64_LIMIT, zipfile.ZIP_FILECOUNT_LIMIT = limits


class Unseekable(io.RawIOBase):
    def __init__(self):
        self.data = bytearray()

    def writable(self):
        return True

    def write(self, b):
        self.data += b
        return len(b)


def streamed(path):
    sink = Unseekable()
    with zipfile.ZipFile(sink, 'w') as out:
        write(out, reversed(parts()))
    with open(path, 'wb') as f:
        f.write(sink.data)


def infozip(path):
    if shutil.which('zip') is None:
        return
    with tempfile.TemporaryDirectory() as folder:
        names = []
        for name, data in parts():
            full = os.path.join(folder, name)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, 'wb') as f:
                f.write(data)
            os.utime(full, (1743508800, 1743508800))
            names.append(name)
        # '-' as the archive: written to a pipe, so with data descriptors.
        made = subprocess.run(['zip', '-q', '-X', '-D', '-', *sorted(names)], cwd=folder,
                              check=True, capture_output=True)
        with open(path, 'wb') as f:
            f.write(made.stdout)


if __name__ == '__main__':
    zip64(os.path.join(HERE, 'zip64.xlsx'))
    streamed(os.path.join(HERE, 'streamed.xlsx'))
    infozip(os.path.join(HERE, 'infozip.xlsx'))
