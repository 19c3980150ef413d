"""JUnit XML, which every CI server can display: one test case per document. A document fails
when it has flags at or above ``--fail-on`` (the same rule as the exit code); the failure lists
those flags, and flags below the threshold go to the case's ``system-out``."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from backcheck.model.findings import SEVERITIES

# Characters XML 1.0 cannot carry at all, even escaped; an article pasted from a CMS may hold them.
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _flag_line(doc, flag) -> str:
    line = f"{doc.path}:{flag.span.line}:{flag.span.column}: {flag.severity} [{flag.check}] {flag.text}"
    return line


def render(report, **_options) -> str:
    suites = ET.Element("testsuites", name="backcheck")
    suite = ET.SubElement(suites, "testsuite", name="backcheck", errors="0", skipped="0")
    ET.SubElement(ET.SubElement(suite, "properties"), "property", name="signature", value=report.signature)
    failures = 0
    for doc in report.documents:
        path = _NOT_XML.sub("\ufffd", doc.path)
        case = ET.SubElement(suite, "testcase", classname="backcheck", name=path, file=path)
        failing = [f for f in doc.flags if report.fails(f)]
        passing = [f for f in doc.flags if not report.fails(f)]
        if failing:
            failures += 1
            worst = max((f.severity for f in failing), key=SEVERITIES.index)
            failure = ET.SubElement(
                case, "failure", type=worst, message=f"{len(failing)} flag(s) at or above {report.config.fail_on}"
            )
            failure.text = _NOT_XML.sub("\ufffd", "\n".join(_flag_line(doc, f) for f in failing))
        out = [_flag_line(doc, f) for f in passing] + [f"note: {n}" for n in doc.notes]
        if out:
            ET.SubElement(case, "system-out").text = _NOT_XML.sub("\ufffd", "\n".join(out))
    suite.set("tests", str(len(report.documents)))
    suite.set("failures", str(failures))
    suites.set("tests", str(len(report.documents)))
    suites.set("failures", str(failures))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
