"""The CURP widget's compare form: its name inputs stop where the checker's
documented limit is (issue 9, item 6: one paste must not freeze the page)."""

import re

from checker import curp_names
from guide import widgets

NAME_INPUT = r'<input[^>]*data-field="(?:given_names|first_surname|second_surname)"[^>]*>'


def test_name_inputs_have_the_checkers_maxlength():
    tags = re.findall(NAME_INPUT, widgets.render("curp"))
    assert len(tags) == 3
    for tag in tags:
        assert f'maxlength="{curp_names.MAX_LENGTH}"' in tag, tag
