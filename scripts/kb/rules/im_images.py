"""Images: readers are often on phones with slow connections, some use screen
readers, and the site loads nothing from other hosts. A missing image file is
LK001 (the same check as any relative link)."""

from __future__ import annotations

import math
import posixpath
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from ..findings import Severity, family, rule
from ..site.model import Link, Page
from .lk_links import shown

MAX_BYTES = 300 * 1024


def _split(target: str):
    try:
        return urlsplit(target.strip())
    except ValueError:
        return None  # an unreadable address is the link policy's finding (LP004)


def page_images(page: Page) -> Iterator[Link]:
    """Markdown images and raw HTML <img> elements."""
    if page.text is not None:
        yield from (link for link in page.links if link.kind == "image" or link.tag == "img")


family(
    "IM",
    "images",
    title={"en": "Images (IM)", "zh": "图片（IM）"},
    doc={
        "en": """\
An image file exists, has alt text and is at most 300 KB.

A missing image file is reported as LK001.
""",
        "zh": """\
图片文件必须存在、有替代文字，并且不超过 300 KB。

图片文件不存在时报告 LK001。
""",
    },
)


@rule(
    "IM001",
    "image-alt-missing",
    Severity.ERROR,
    "An image has no alt text.",
    "Describe what the image shows inside the brackets: `![设置页面的两步验证开关](2sv.png)` "
    "(screen readers read it, and it shows when the image cannot load).",
    title={"en": "Image without alt text", "zh": "图片缺少替代文字"},
    doc={
        "en": """\
An image has no alt text. Screen readers read it aloud, and it shows when the image cannot load.

Failing example:

```markdown
![](img/2sv-settings.png)
```

Fix: describe what the image shows inside the brackets.

```markdown
![The Two-Step Verification settings page, with "Add new phone" at the top right](img/2sv-settings.png)
```
""",
        "zh": """\
图片没有替代文字（alt）。读屏软件会朗读替代文字，图片加载失败时也会显示它。

错误示例：

```markdown
![](img/2sv-settings.png)
```

改法：在方括号里描述图片的内容。

```markdown
![两步验证设置页面，“添加新手机”按钮在右上角](img/2sv-settings.png)
```
""",
    },
)
def image_alt_missing(docs, self):
    for page in docs.pages:
        for image in page_images(page):
            if not image.text.strip():
                yield self.at(
                    page.display,
                    image.line,
                    image.col,
                    f"image `{shown(image.target)}` has no alt text",
                )


@rule(
    "IM002",
    "image-too-large",
    Severity.ERROR,
    f"An image file is larger than {MAX_BYTES // 1024} KB.",
    "Crop the screenshot to what matters and save it smaller (PNG with fewer colours, "
    "or WebP/JPEG for photos), then commit the smaller file.",
    title={"en": "Image larger than 300 KB", "zh": "图片超过 300 KB"},
    doc={
        "en": """\
The image file is larger than 300 KB. Many readers use phones on slow connections.

Failing example: `img/2sv-settings.png` is a 1.2 MB full-screen screenshot.

Fix: crop the screenshot to what matters and save it smaller (PNG with fewer colours for screenshots, WebP or JPEG for photos), then commit the smaller file.
""",
        "zh": """\
图片文件大于 300 KB。很多读者用手机和较慢的网络访问本站。

错误示例：`img/2sv-settings.png` 是 1.2 MB 的全屏截图。

改法：只截取需要的部分，再压缩保存（截图用颜色较少的 PNG，照片用 WebP 或 JPEG），然后提交较小的文件。
""",
    },
)
def image_too_large(docs, self):
    sizes: dict[str, int | None] = {}  # pages share images: stat each file once
    for page in docs.pages:
        for image in page_images(page):
            parts = _split(image.target)
            if parts is None or parts.scheme or parts.netloc or not parts.path:
                continue
            rel = posixpath.join(posixpath.dirname(page.path.as_posix()), unquote(parts.path))
            rel = posixpath.normpath(rel)
            if rel not in sizes:
                try:
                    sizes[rel] = (docs.root / rel).stat().st_size
                except (OSError, ValueError):
                    sizes[rel] = None  # a missing or unreadable file is LK001's finding
            size = sizes[rel]
            if size is not None and size > MAX_BYTES:
                yield self.at(
                    page.display,
                    image.line,
                    image.col,
                    f"image `{shown(image.target)}` is {math.ceil(size / 1024)} KB "
                    f"(at most {MAX_BYTES // 1024} KB)",
                )


@rule(
    "IM003",
    "image-not-local",
    Severity.ERROR,
    "An image is loaded from another website.",
    "Save the image in the docs folder next to the page and link to the file: the site "
    "must not make requests to other hosts (readers in mainland China may not reach them).",
    title={"en": "Image from another website", "zh": "图片来自其他网站"},
    doc={
        "en": """\
The image is loaded from another website. The site must not make any request to other hosts, and readers in mainland China may not reach them.

Failing example:

```markdown
![The sign-in page](https://i.imgur.com/abc123.png)
```

Fix: save the image in the docs folder next to the page and link to the file.

```markdown
![The sign-in page](img/sign-in-page.png)
```
""",
        "zh": """\
图片从其他网站加载。本站不能向其他网站发出任何请求，中国大陆的读者也可能打不开这些网站。

错误示例：

```markdown
![登录页面](https://i.imgur.com/abc123.png)
```

改法：把图片保存在页面旁边的 docs 文件夹里，再链接这个文件。

```markdown
![登录页面](img/sign-in-page.png)
```
""",
    },
)
def image_not_local(docs, self):
    for page in docs.pages:
        for image in page_images(page):
            parts = _split(image.target)
            if parts and (parts.netloc or parts.scheme in ("http", "https")):
                yield self.at(
                    page.display,
                    image.line,
                    image.col,
                    f"image `{shown(image.target)}` is loaded from "
                    + shown(parts.hostname or "another host"),
                )
