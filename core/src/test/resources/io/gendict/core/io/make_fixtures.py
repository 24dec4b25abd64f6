"""Writes the .npy/.npz/IDX fixtures read by NpyFixturesTest (run once with NumPy; tests do not need Python).

Usage: python3 make_fixtures.py   (from this folder; NumPy 2.4.6 produced the committed files)
"""
import gzip
import struct

import numpy as np

m23 = np.array([[-1.0, -0.5, 0.0], [0.5, 1.0, 1.5]])
np.save("f8_c_2x3.npy", m23.astype("<f8"))
np.save("f4_be_fortran_3x2.npy", np.asfortranarray(np.array([[1.5, -2], [3, 4.25], [5, 6]], dtype=">f4")))
np.save("i4_1d.npy", np.array([1, -2, 3, 2147483647], dtype="<i4"))
np.save("i8_be_2x2.npy", np.array([[-(2 ** 40), 1], [2, 3]], dtype=">i8"))
np.save("u1_2x3.npy", np.array([[0, 1, 2], [253, 254, 255]], dtype=np.uint8))
for version in (2, 3):
    with open(f"f8_v{version}.npy", "wb") as f:
        np.lib.format.write_array(f, m23, version=(version, 0))
np.savez("pair_stored.npz", a=m23, b=np.array([7, 8, 9], dtype="<i8"))
np.savez_compressed("pair_deflated.npz", a=m23, b=np.array([7, 8, 9], dtype="<i8"))

images = np.arange(18, dtype=np.uint8).reshape(3, 2, 3) * 15
labels = np.array([7, 0, 9], dtype=np.uint8)
image_bytes = struct.pack(">BBBBIII", 0, 0, 0x08, 3, 3, 2, 3) + images.tobytes()
label_bytes = struct.pack(">BBBBI", 0, 0, 0x08, 1, 3) + labels.tobytes()
for name, data in (("images-idx3-ubyte", image_bytes), ("labels-idx1-ubyte", label_bytes)):
    with open(name, "wb") as f:
        f.write(data)
    with gzip.open(name + ".gz", "wb") as f:
        f.write(data)
