"""``numpy.lib.format``: reading and writing NumPy's ``.npy`` format (see
runtime/_format.py, which ``np.save``/``np.load`` use too)."""

from .._format import (  # noqa: F401
    ARRAY_ALIGN, BUFFER_SIZE, EXPECTED_KEYS, GROWTH_AXIS_MAX_DIGITS, MAGIC_LEN, MAGIC_PREFIX,
    descr_to_dtype, dtype_to_descr, header_data_from_array_1_0, isfileobj, magic, open_memmap,
    read_array, read_array_header_1_0, read_array_header_2_0, read_magic, write_array,
    write_array_header_1_0, write_array_header_2_0)

__all__ = ["ARRAY_ALIGN", "BUFFER_SIZE", "EXPECTED_KEYS", "GROWTH_AXIS_MAX_DIGITS", "MAGIC_LEN",
           "MAGIC_PREFIX", "descr_to_dtype", "dtype_to_descr", "header_data_from_array_1_0",
           "isfileobj", "magic", "open_memmap", "read_array", "read_array_header_1_0",
           "read_array_header_2_0", "read_magic", "write_array", "write_array_header_1_0",
           "write_array_header_2_0"]
