"""Progress lines of the training commands (stance.training.progress)."""

import re
from functools import partial

from stance.training.progress import Progress, log


def test_log_prints_label_only_when_enabled(capsys) -> None:
    say = partial(log, "train x")
    say(False, "quiet")
    say(True, "read 3 files")
    assert capsys.readouterr().err == "[train x] read 3 files\n"


def test_progress_is_timed(capsys) -> None:
    Progress(False, "distill")("quiet")
    Progress(True, "distill")("labelled 2/2")
    assert re.fullmatch(r"\[distill +\d+\.\ds\] labelled 2/2\n", capsys.readouterr().err)
