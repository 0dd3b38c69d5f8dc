"""Solar Hijri conversion and date formats of simulated lists."""

from __future__ import annotations

import datetime as dt

import jdatetime
import numpy as np

from dadkhah.simulate.calendar import format_date, gregorian_parts, solar_hijri_parts


def test_solar_hijri_parts_agree_with_jdatetime() -> None:
    days = np.arange(dt.date(1930, 1, 1).toordinal(), dt.date(1992, 1, 1).toordinal(), 3)
    y, m, d = solar_hijri_parts(days)
    for i in range(0, len(days), 11):
        j = jdatetime.date.fromgregorian(date=dt.date.fromordinal(int(days[i])))
        assert (j.year, j.month, j.day) == (y[i], m[i], d[i])
    gy, gm, gd = gregorian_parts(days[:1])
    assert (gy[0], gm[0], gd[0]) == (1930, 1, 1)


def test_formats() -> None:
    sh, g = (1367, 5, 12), (1988, 8, 3)
    kw = {"persian": False, "persian_digits": False, "pad": True}
    assert format_date("sh_ymd", sh, g, **kw) == "1367/05/12"
    assert format_date("sh_month", sh, g, **kw) == "Mordad 1367"
    assert format_date("g_season", sh, g, **kw) == "summer 1988"
    assert format_date("g_text", sh, g, **kw) == "3 August 1988"
    assert format_date("g_circa", sh, g, **kw, circa_year=1961) == "c. 1961"
    assert format_date("sh_ymd", sh, g, persian=True, persian_digits=True, pad=True) == "۱۳۶۷/۰۵/۱۲"
    assert (
        format_date("sh_part_month", sh, g, persian=True, persian_digits=True, pad=True)
        == "اواسط مرداد ۱۳۶۷"
    )
