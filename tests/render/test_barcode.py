"""The Code 39 barcode of the job number: the modules render/barcode.py draws decode to it."""


def test_barcode_modules_encode_the_job_number():
    from barcode.charsets import code39

    from unreport.render.barcode import code39_modules
    modules = code39_modules("1706379")
    by_pattern = {v[1]: k for k, v in code39.MAP.items()}
    by_pattern[code39.EDGE] = "*"
    chars = [by_pattern[modules[i:i + 15]] for i in range(0, len(modules), 16)]
    assert "".join(chars) == "*1706379*"
