"""Page locators (notes/pages.py): inputs int() cannot read."""


def test_digits_int_cannot_read_are_no_page() -> None:
    from citecheck.notes.pages import parse_pages

    assert parse_pages("¹") == []  # a superscript is a digit to str.isdigit, not to int()
