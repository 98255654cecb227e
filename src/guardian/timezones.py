"""The parent's time zone.  Exports carry local wall-clock times; Guardian
stores them with the zone the parent chose, the system's by default."""

from __future__ import annotations

from datetime import tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones


class UnknownZone(ValueError):
    pass


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise UnknownZone(f"unknown time zone {name!r} (expected a name like Asia/Riyadh)") from None


def system_zone_name() -> str:
    """The IANA name of this computer's zone (tzlocal maps Windows names
    too), or "UTC" when it cannot be told."""
    import tzlocal
    try:
        name = tzlocal.get_localzone_name()
    except Exception:  # tzlocal raises various errors on odd setups
        return "UTC"
    try:
        ZoneInfo(name or "")
    except (ZoneInfoNotFoundError, ValueError):
        return "UTC"
    return name or "UTC"


def resolve(name: str | None) -> tuple[str, tzinfo]:
    chosen = name or system_zone_name()
    return chosen, zone(chosen)


def all_zone_names() -> list[str]:
    return sorted(available_timezones())
