"""A change a shopper could notice reaches search once its transaction commits, and only then."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import transaction
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue import ocop, traceability
from search.query import BadgeKind, Sort
from vendors.review import move as review

from .conftest import everything

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
OcopCertificate = get_model("catalogue", "OcopCertificate")
Lot = get_model("catalogue", "Lot")
LotStep = get_model("catalogue", "LotStep")
Partner = get_model("partner", "Partner")


@pytest.fixture
def product(new_product, committed):
    with committed():
        return new_product("Rượu cần Vân Kiều men lá", price=Decimal(180_000), stock=5)


def test_a_new_product_is_found_once_listed(backend, product):
    assert everything(backend, text="ruou can van kieu") == [product.pk]


def test_an_edited_title_is_found_by_its_new_words_only(backend, product, committed):
    with committed():
        product.title = "Rượu nếp cẩm Hướng Hóa"
        product.save()
    assert everything(backend, text="nep cam huong hoa") == [product.pk]
    assert everything(backend, text="van kieu") == []


def test_a_price_change_moves_the_product_between_ranges_and_in_price_order(backend, product, committed):
    record = product.stockrecords.get()
    with committed():
        record.price = Decimal(1_000)
        record.save()
    assert product.pk in everything(backend, price_max=Decimal(1_000))
    assert everything(backend, sort=Sort.PRICE_ASC)[0] == product.pk


def test_selling_out_takes_the_product_out_of_in_stock(backend, product, committed):
    assert product.pk in everything(backend, in_stock=True)
    record = product.stockrecords.get()
    with committed():
        record.num_in_stock = 0
        record.save()
    assert product.pk not in everything(backend, in_stock=True)
    assert product.pk in everything(backend, text="ruou can")


def test_a_certificate_verified_by_the_department_gives_stars_and_the_badge(
    backend, product, reviewer, committed
):
    enterprise = product.stockrecords.get().partner
    with committed():
        certificate = OcopCertificate.objects.create(
            enterprise=enterprise,
            decision_number="12/QĐ-UBND",
            decision_date=timezone.localdate() - timedelta(days=10),
            issuer="UBND tỉnh Quảng Trị",
            stars=4,
        )
        certificate.products.add(product)
    assert product.pk not in everything(backend, min_stars=3)
    with committed():
        ocop.move(certificate, OcopCertificate.Status.VERIFIED, by=reviewer)
    assert product.pk in everything(backend, min_stars=4, badges=(BadgeKind.OCOP,))
    with committed():
        ocop.move(certificate, OcopCertificate.Status.REVOKED, by=reviewer, reason="Hồ sơ không hợp lệ.")
    assert product.pk not in everything(backend, min_stars=3)


def test_a_published_lot_with_a_step_makes_the_product_traceable(backend, product, committed):
    with committed():
        lot = Lot.objects.create(
            product=product, lot_code="RC2601", production_date=timezone.localdate() - timedelta(days=5)
        )
        LotStep.objects.create(lot=lot, event="Ủ men", date=lot.production_date)
    assert product.pk not in everything(backend, badges=(BadgeKind.TRACEABLE,))
    with committed():
        traceability.publish(lot)
    assert product.pk in everything(backend, badges=(BadgeKind.TRACEABLE,))


def test_a_renamed_category_is_found_by_its_new_name(backend, product, committed):
    category = Category.objects.filter(depth=1).first()
    with committed():
        product.categories.add(category.get_children().first() or category)
    assert product.pk in everything(backend, category_ids=(category.pk,))
    with committed():
        category.name = "Đặc sản rượu truyền thống"
        category.save()
    assert product.pk in everything(backend, text="dac san ruou truyen thong")


def test_a_hidden_or_deleted_product_is_gone(backend, product, committed):
    with committed():
        product.is_public = False
        product.save()
    assert everything(backend, text="ruou can") == []
    with committed():
        product.is_public = True
        product.save()
    assert everything(backend, text="ruou can") == [product.pk]
    with committed():
        product.delete()
    assert everything(backend, text="ruou can") == []


def test_a_suspended_enterprises_products_are_gone_at_once_and_back_when_reinstated(
    backend, product, reviewer, committed
):
    enterprise = product.stockrecords.get().partner
    theirs = set(Product.objects.filter(stockrecords__partner=enterprise).values_list("pk", flat=True))
    review(enterprise, "suspended", by=reviewer, reason="Kiểm tra chất lượng.")
    assert not theirs & set(everything(backend))  # even before the index is updated
    with committed():
        pass  # the suspension's transaction commits: the index catches up
    assert not theirs & set(everything(backend))
    assert not theirs & set(everything(backend, text="ruou can"))
    with committed():
        review(enterprise, "approved", by=reviewer)
    assert theirs <= set(everything(backend))


def test_nothing_reaches_the_index_from_a_rolled_back_transaction(backend, product, committed):
    with committed():
        try:
            with transaction.atomic():
                product.title = "Tên bị huỷ"
                product.save()
                raise RuntimeError("the request failed")
        except RuntimeError:
            pass
    assert everything(backend, text="ten bi huy") == []
    assert everything(backend, text="ruou can") == [product.pk]


def test_many_changes_in_one_transaction_update_the_index_once(backend, product, committed, monkeypatch):
    calls = []
    update = backend.update
    monkeypatch.setattr(backend, "update", lambda ids, on=None: calls.append(set(ids)) or update(ids, on))
    record = product.stockrecords.get()
    with committed(), transaction.atomic():
        product.title = "Rượu cần Vân Kiều hũ sành"
        product.save()
        record.price = Decimal(200_000)
        record.save()
        product.categories.add(Category.objects.first())
    assert calls == [{product.pk}]
    assert everything(backend, text="van kieu hu sanh") == [product.pk]
