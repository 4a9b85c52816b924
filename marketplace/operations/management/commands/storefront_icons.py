from django.core.management.base import BaseCommand

from marketplace.operations.storefront_icons import SUBSET_FONT, code_points, icon_names, write


class Command(BaseCommand):
    help = "Cut the storefront's icon font from Oscar's Font Awesome: the icons its templates use."

    def handle(self, *args, **options):
        points = code_points(icon_names())
        write(points.values())
        size = SUBSET_FONT.stat().st_size
        self.stdout.write(f"{len(points)} icons, {size:,} bytes: {SUBSET_FONT}")
