"""The Content-Security-Policy step of the build (kb/build/csp.py). It works on
the built HTML, so only `make build` reports its code; it is registered here so
that it is listed (`--list-rules`) and documented like every code the tools print."""

from __future__ import annotations

from ..findings import Severity, family, rule

family(
    "CSP",
    "content-security-policy",
    title={"en": "Content-Security-Policy (CSP)", "zh": "内容安全策略（CSP）"},
    doc={
        "en": """\
The last step of `make build` gives every built page a Content-Security-Policy: the browser runs only the site's own script files and the inline scripts whose hashes the policy lists, so a script that slips into a page does not run. This code comes from `make build`, not from `make check`.
""",
        "zh": """\
`make build` 的最后一步给每个构建好的页面加上内容安全策略（Content-Security-Policy）：浏览器只运行本站自己的脚本文件，以及策略里列出哈希的内联脚本，混进页面的脚本不会运行。这个代码由 `make build` 报告，而不是 `make check`。
""",
    },
)


@rule(
    "CSP001",
    "csp-not-applied",
    Severity.ERROR,
    "The policy could not be added to a built page (reported by make build).",
    "Build with `make build`; keep every page's `<head>` from the theme's templates.",
    title={"en": "Policy not applied", "zh": "无法加上安全策略"},
    doc={
        "en": """\
Reported by `make build` only: the built site has no HTML pages, or a page has no `<head>` the policy can be put into, so the page would be published unprotected.

Failing example: a template override that writes its own page without a `<head>`:

```html
{% block site_meta %}{% endblock %}<body>...</body>
```

Fix: override blocks inside the theme's `base.html` (keep `{{ super() }}`), so every page keeps its `<head>`, and build with `make build`.
""",
        "zh": """\
只有 `make build` 会报告：构建出的网站没有 HTML 页面，或者某个页面没有可以放入策略的 `<head>`，这样的页面发布出去就没有保护。

错误示例：模板覆盖自己写了一个没有 `<head>` 的页面：

```html
{% block site_meta %}{% endblock %}<body>...</body>
```

改法：只覆盖主题 `base.html` 里的区块（保留 `{{ super() }}`），让每个页面都保留 `<head>`，然后用 `make build` 构建。
""",
    },
)
def reported_by_the_build(docs, self):
    """The policy is added to the built HTML: nothing to check before the build."""
    return ()
