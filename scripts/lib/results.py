#!/usr/bin/env python3
"""Count a test run's real results and name what failed.

    results.py RESULTS_DIR

Reads every *.trx (the .NET test projects) and *.junit.xml (the shell checks) under RESULTS_DIR.
Prints one line per failed test, `failed: <suite>: <test>: <first line of its message>`, then, as
the last line, `<passed> <failed> <trx files>`. A .trx counts from its <Counters> (error, timeout
and aborted count as failed); a JUnit testcase with a <failure> or <error> failed, one that is
neither failed nor skipped passed; a file that does not parse counts as one failure.

The failed tests are printed just above the run's last line so that a run whose output is cut to
its end still says which tests failed. Only the standard library.
"""

import glob
import os
import sys
import xml.etree.ElementTree as ET

TRX = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
FAILED_OUTCOMES = {"Failed", "Error", "Timeout", "Aborted"}


def first_line(text, limit=240):
    line = (text or "").strip().splitlines()[0] if (text or "").strip() else ""
    return line if len(line) <= limit else line[: limit - 3] + "..."


def suite_name(path):
    name = os.path.basename(path)
    for suffix in (".junit.xml", ".trx"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def main(directory):
    passed = failed = ntrx = 0
    lines = []
    for path in sorted(glob.glob(os.path.join(directory, "**", "*.trx"), recursive=True)):
        ntrx += 1
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError as error:
            failed += 1
            lines.append(f"failed: {suite_name(path)}: (unreadable .trx file): {error}")
            continue
        counters = root.find(f"{TRX}ResultSummary/{TRX}Counters")
        if counters is not None:
            passed += int(counters.get("passed", "0"))
            failed += sum(int(counters.get(a, "0")) for a in ("failed", "error", "timeout", "aborted"))
        for result in root.iter(f"{TRX}UnitTestResult"):
            if result.get("outcome") in FAILED_OUTCOMES:
                message = result.find(f"{TRX}Output/{TRX}ErrorInfo/{TRX}Message")
                lines.append(f"failed: {suite_name(path)}: {result.get('testName')}: "
                             f"{first_line(message.text if message is not None else '')}")
    for path in sorted(glob.glob(os.path.join(directory, "*.junit.xml"))):
        try:
            cases = list(ET.parse(path).getroot().iter("testcase"))
        except ET.ParseError as error:
            failed += 1
            lines.append(f"failed: {suite_name(path)}: (unreadable JUnit file): {error}")
            continue
        for case in cases:
            problem = case.find("failure")
            if problem is None:
                problem = case.find("error")
            if problem is not None:
                failed += 1
                lines.append(f"failed: {suite_name(path)}: {case.get('name')}: "
                             f"{first_line(problem.get('message') or problem.text)}")
            elif case.find("skipped") is None:
                passed += 1
    for line in lines:
        print(line)
    print(passed, failed, ntrx)


if __name__ == "__main__":
    main(sys.argv[1])
