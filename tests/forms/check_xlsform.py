"""Converts relaymap's XLSForm of the interview with pyxform (what KoboToolbox and ODK run) and
checks that it converts without an error or a warning, into an XForm with the people named as a
repeat group and relaymap's codes as choice names.

Run by tests/run inside the virtual environment with the pinned pyxform:
    python tests/forms/check_xlsform.py target/debug/relaymap
"""

import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

from pyxform.xls2xform import xls2xform_convert


def main():
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as workdir:
        db = os.path.join(workdir, "city.db")
        form = os.path.join(workdir, "interview.xlsx")
        xform = os.path.join(workdir, "interview.xml")
        subprocess.run([binary, "demo", "--db", db, "--migrants", "100"], check=True, capture_output=True)
        subprocess.run([binary, "xlsform", "--db", db, "--out", form], check=True, capture_output=True)
        warnings = xls2xform_convert(xlsform_path=form, xform_path=xform)
        assert not warnings, f"pyxform warns: {warnings}"
        text = open(xform, encoding="utf-8").read()
        root = ET.fromstring(text)
        binds = {b.get("nodeset") for b in root.iter("{http://www.w3.org/2002/xforms}bind")}
        for field in ("/data/consent_purposes", "/data/ego_name", "/data/named/named_name",
                      "/data/named/named_trust", "/data/protocol_version"):
            assert any(b and b.endswith(field.split("/data/")[1]) for b in binds), f"no {field} in {sorted(binds)[:8]}..."
        assert any(r.get("nodeset", "").endswith("/named") for r in root.iter("{http://www.w3.org/2002/xforms}repeat")), \
            "the people named are a repeat group"
        for code in ("warnings", "partners", "research", "emergency_information", "whatsapp", "in_person"):
            assert f">{code}<" in text, f"the choice {code} is in the form"
        # Every protocol language has its labels (itext translations).
        langs = {t.get("lang") for t in root.iter("{http://www.w3.org/2002/xforms}translation")}
        for language in ("English (en)", "Arabic (ar)", "Japanese (ja)"):
            assert language in langs, f"{language} in {langs}"
        print(f"ok   XLSForm: pyxform converts it without a warning; {len(binds)} fields, languages {sorted(langs)}")


if __name__ == "__main__":
    main()
