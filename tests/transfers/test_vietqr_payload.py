"""The VietQR payload against NAPAS 247's EMVCo structure: each field's ID, length and value, the CRC."""

import io

import pytest
import zxingcpp
from PIL import Image

from marketplace.transfers import qr, vietqr

pytestmark = pytest.mark.usefixtures("in_english")  # the refusals are read in English

# Published by subiz/vietqr (README): 120.000 ₫ to VietinBank (970415) account 0011001932418.
PUBLISHED = (
    "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA"
    "530370454061200005802VN62170813ung ho lu lut6304C15C"
)


def independent_crc(text):
    """CRC-16/CCITT-FALSE bit by bit, written apart from the code under test."""
    register = 0xFFFF
    for byte in text.encode():
        for bit in range(7, -1, -1):
            top = (register >> 15) & 1
            register = (register << 1) & 0xFFFF
            if top ^ ((byte >> bit) & 1):
                register ^= 0x1021
    return f"{register:04X}"


def tlv(data):
    """ID, length, value triples in order, read by hand."""
    out = []
    while data:
        tag, length = data[:2], int(data[2:4])
        out.append((tag, length, data[4 : 4 + length]))
        data = data[4 + length :]
    return out


@pytest.fixture
def payload():
    return vietqr.build("970436", "0071000123456", 125000, "OCOP100123")


def test_each_field_has_its_id_length_and_value(payload):
    top = tlv(payload)
    assert [tag for tag, _length, _value in top] == ["00", "01", "38", "53", "54", "58", "62", "63"]
    for _tag, length, value in top:
        assert length == len(value)
    values = {tag: value for tag, _length, value in top}
    assert values["00"] == "01"
    assert values["01"] == "12"  # dynamic: one order
    assert values["53"] == "704"
    assert values["54"] == "125000"
    assert values["58"] == "VN"
    merchant = tlv(values["38"])
    assert merchant == [("00", 10, "A000000727"), ("01", 27, merchant[1][2]), ("02", 8, "QRIBFTTA")]
    assert tlv(merchant[1][2]) == [("00", 6, "970436"), ("01", 13, "0071000123456")]
    assert tlv(values["62"]) == [("08", 10, "OCOP100123")]


def test_the_crc_covers_everything_up_to_6304(payload):
    assert payload[-8:-4] == "6304"
    assert payload[-4:] == independent_crc(payload[:-4])
    assert vietqr.crc16("123456789") == "29B1"  # the CRC catalogue's check value


def test_a_published_vietqr_code_reads_back_with_its_crc():
    assert vietqr.crc16(PUBLISHED[:-4]) == "C15C"
    read = vietqr.read(PUBLISHED)
    assert read == vietqr.TransferRequest("970415", "0011001932418", 120000, "ung ho lu lut")


def test_a_built_payload_parses_back(payload):
    assert vietqr.read(payload) == vietqr.TransferRequest("970436", "0071000123456", 125000, "OCOP100123")
    assert vietqr.parse(payload)["38"]["01"] == {"00": "970436", "01": "0071000123456"}


def test_a_wrong_or_missing_crc_is_refused_plainly(payload):
    tampered = payload.replace("54061250005802", "54061200005802")
    with pytest.raises(vietqr.InvalidPayload, match="checksum is wrong"):
        vietqr.parse(tampered)
    with pytest.raises(vietqr.InvalidPayload, match="no checksum"):
        vietqr.parse(payload[:-8])
    with pytest.raises(vietqr.InvalidPayload, match="cut short"):
        broken = "000201" + "5499" + "1"
        vietqr.parse(broken + "6304" + vietqr.crc16(broken + "6304"))


@pytest.mark.parametrize("amount", [0, -5, "12.5", 1000.5, "abc", "NaN"])
def test_an_amount_that_is_not_a_positive_whole_number_of_dong_is_refused(amount):
    with pytest.raises(vietqr.InvalidPayload):
        vietqr.build("970436", "0071000123456", amount, "OCOP1")


@pytest.mark.parametrize("bank_bin", ["97043", "9704366", "97043A", "", None])
def test_a_bin_that_is_not_six_digits_is_refused(bank_bin):
    with pytest.raises(vietqr.InvalidPayload, match="6 digits"):
        vietqr.build(bank_bin, "0071000123456", 1000, "OCOP1")


@pytest.mark.parametrize(
    ("account", "reference"),
    [
        ("0071 000", "OCOP1"),
        ("007-1000", "OCOP1"),
        ("0071000123456", "OCOP 1"),
        ("0071000123456", "ocop1"),
        ("0071000123456", "Đơn1"),
        ("0071000123456", ""),
        ("1" * 20, "OCOP1"),
        ("0071000123456", "OCOP" + "1" * 22),
    ],
)
def test_an_account_or_reference_a_bank_would_mangle_is_refused(account, reference):
    with pytest.raises(vietqr.InvalidPayload, match="capital letters or digits"):
        vietqr.build("970436", account, 1000, reference)


def test_the_png_decodes_back_to_the_payload(payload):
    image = Image.open(io.BytesIO(qr.png(payload)))
    results = zxingcpp.read_barcodes(image)
    assert [result.text for result in results] == [payload]


def test_the_svg_is_an_inline_element(payload):
    svg = qr.svg(payload)
    assert svg.startswith("<svg") and "vietqr" in svg and "<?xml" not in svg
