"""Writing a record's title keys (:class:`search.models.TitleKey`), which autocomplete reads."""

from search.models import TitleKey


def keys(record_id, title_folded):
    """The title from each of its words on, cut to the key length: "mat ong rung" -> 3 keys."""
    title_words = title_folded.split()
    return [
        TitleKey(
            record_id=record_id, position=position, folded=" ".join(title_words[position:])[: TitleKey.LENGTH]
        )
        for position in range(len(title_words))
    ]


def replace(texts):
    """Make the title keys of these records those of their :class:`~search.models.ProductText` ``texts``."""
    TitleKey.objects.filter(record__in=[text.record_id for text in texts]).delete()
    TitleKey.objects.bulk_create([key for text in texts for key in keys(text.record_id, text.title_folded)])
