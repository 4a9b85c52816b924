"""Posted data for Oscar's dashboard product form, as a browser would send it."""

from oscar.core.loading import get_model

Category = get_model("catalogue", "Category")


def product_form_data(partner_pk, upc, title, price="85000", stock="40"):
    category = Category.objects.filter(depth=2).order_by("pk").first()
    return {
        "structure": "standalone",
        "title": title,
        "upc": upc,
        "description": "Sản phẩm thử.",
        "is_public": "on",
        "is_discountable": "on",
        "stockrecords-TOTAL_FORMS": 1,
        "stockrecords-INITIAL_FORMS": 0,
        "stockrecords-0-partner": partner_pk,
        "stockrecords-0-partner_sku": upc,
        "stockrecords-0-price": price,
        "stockrecords-0-price_currency": "VND",
        "stockrecords-0-num_in_stock": stock,
        "productcategory_set-TOTAL_FORMS": 1,
        "productcategory_set-INITIAL_FORMS": 0,
        "productcategory_set-0-category": category.pk,
        "images-TOTAL_FORMS": 0,
        "images-INITIAL_FORMS": 0,
        "primary_recommendations-TOTAL_FORMS": 0,
        "primary_recommendations-INITIAL_FORMS": 0,
    }
