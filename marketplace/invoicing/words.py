"""An amount of đồng in Vietnamese words, as an invoice's "total in words" (TgTTTBChu) reads it.

Read in groups of three digits (nghìn, triệu, tỷ, then nghìn tỷ…). A group after the first is
read in full ("không trăm lẻ năm"); a zero group is skipped. Tens: "lẻ" (or "linh") before a lone
unit, "mười" for ten; units: "mốt" after twenty and up, "tư" after twenty and up, "lăm" after ten.
"""

DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
BILLION = 10**9


def amount_in_words(amount, zero_ten="lẻ"):
    """``125000`` → ``"Một trăm hai mươi lăm nghìn đồng"``; whole đồng, never negative."""
    number = int(amount)
    if number != amount or number < 0:
        raise ValueError(f"not a whole, non-negative number of đồng: {amount}")
    words = _words(number, leading=True, zero_ten=zero_ten) if number else ["không"]
    text = " ".join([*words, "đồng"])
    return text[0].upper() + text[1:]


def _words(number, leading, zero_ten):
    if number >= BILLION:
        billions, rest = divmod(number, BILLION)
        words = [*_words(billions, leading, zero_ten), "tỷ"]
        return words + (_below_billion(rest, False, zero_ten) if rest else [])
    return _below_billion(number, leading, zero_ten)


def _below_billion(number, leading, zero_ten):
    words = []
    for scale, name in ((10**6, "triệu"), (1000, "nghìn"), (1, "")):
        group = number // scale % 1000
        if group:
            words += _group(group, full=not leading, zero_ten=zero_ten) + ([name] if name else [])
            leading = False
    return words


def _group(number, full, zero_ten):
    """Three digits; ``full`` reads the hundreds even when zero (a group after the first)."""
    hundreds, tens, units = number // 100, number // 10 % 10, number % 10
    words = []
    if hundreds or full:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words.append(zero_ten)
    elif tens == 1:
        words.append("mười")
    else:
        words += [DIGITS[tens], "mươi"]
    if units:
        words.append(_unit(units, tens))
    return words


def _unit(units, tens):
    if units == 1 and tens >= 2:
        return "mốt"
    if units == 4 and tens >= 2:
        return "tư"
    if units == 5 and tens >= 1:
        return "lăm"
    return DIGITS[units]
