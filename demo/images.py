"""Demo pictures drawn locally with Pillow: nothing is downloaded."""

import io
import random

from django.core.files.images import ImageFile

from PIL import Image, ImageDraw, ImageFont


def _gradient(width, height, top, bottom):
    image = Image.new("RGB", (width, height), top)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        ratio = y / max(height - 1, 1)
        colour = tuple(int(top[i] + (bottom[i] - top[i]) * ratio) for i in range(3))
        draw.line([(0, y), (width, y)], fill=colour)
    return image, draw


def group_picture(seed, width=1600, height=1000, people=14):
    """An abstract 'group photo': rows of stylised figures on a warm backdrop."""
    rng = random.Random(seed)  # noqa: S311 - reproducible pictures, not secrets
    image, draw = _gradient(width, height, (232, 224, 242), (180, 160, 205))
    draw.rectangle([0, int(height * 0.78), width, height], fill=(120, 98, 140))
    rows = 2
    per_row = (people + 1) // rows
    palette = [(91, 42, 134), (179, 0, 94), (33, 102, 172), (0, 122, 94), (204, 102, 0), (70, 70, 90)]
    skin = [(241, 194, 125), (224, 172, 105), (198, 134, 66), (141, 85, 36), (255, 219, 172)]
    for row in range(rows):
        count = per_row if row == 0 else people - per_row
        y_base = int(height * (0.62 + 0.2 * row))
        scale = 1.0 + 0.25 * row
        for i in range(count):
            x = int(width * (i + 0.5 + rng.uniform(-0.15, 0.15)) / count)
            body = int(70 * scale)
            head = int(34 * scale)
            colour = rng.choice(palette)
            draw.rounded_rectangle(
                [x - body, y_base - int(body * 1.6), x + body, y_base + body], radius=body // 2, fill=colour
            )
            draw.ellipse(
                [x - head, y_base - int(body * 1.6) - 2 * head, x + head, y_base - int(body * 1.6)],
                fill=rng.choice(skin),
            )
    return image


def banner_picture(seed, width=1600, height=900):
    """An abstract banner: overlapping circles in the site's colours."""
    rng = random.Random(seed)  # noqa: S311 - reproducible pictures, not secrets
    image, draw = _gradient(width, height, (61, 27, 92), (91, 42, 134))
    for _ in range(18):
        r = rng.randint(60, 260)
        x, y = rng.randint(0, width), rng.randint(0, height)
        colour = rng.choice([(179, 0, 94), (255, 191, 71), (120, 80, 170), (230, 220, 245)])
        draw.ellipse([x - r, y - r, x + r, y + r], outline=colour, width=rng.randint(6, 18))
    return image


def logo_picture(text, colour, width=600, height=240):
    """A placeholder logo: the short name on a coloured band, clearly not the real mark."""
    image = Image.new("RGB", (width, height), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle([8, 8, width - 8, height - 8], radius=28, outline=colour, width=10)
    draw.rectangle([8, height - 60, width - 8, height - 40], fill=colour)
    font = ImageFont.load_default(size=96)
    box = draw.textbbox((0, 0), text, font=font)
    x = (width - (box[2] - box[0])) / 2 - box[0]
    draw.text((x, 40 - box[1] + 10), text, fill=colour, font=font)
    return image


def as_image_file(picture, name):
    buffer = io.BytesIO()
    if name.endswith(".png"):
        picture.save(buffer, format="PNG", optimize=True)
    else:
        picture.save(buffer, format="JPEG", quality=85, optimize=True)
    buffer.seek(0)
    return ImageFile(buffer, name=name)
