"""Small fixes to the theme's HTML so every page passes the Nu HTML Checker.

- Material puts autocomplete="off" on its checkbox toggles; HTML allows that
  attribute only on text-like inputs.
- On a section index page the table of contents has a label for "__toc"
  while no control with that id exists.
"""

from __future__ import annotations

import re

TOGGLE_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="(?:checkbox|radio)"[^>]*?)\s+autocomplete="off"')


def on_post_page(output, page, config):
    output = TOGGLE_AUTOCOMPLETE.sub(r"\1", output)
    if 'id="__toc"' not in output:
        output = output.replace(' for="__toc"', "")
    return output


def on_post_template(output, template_name, config):
    return on_post_page(output, None, config) if template_name.endswith(".html") else output
