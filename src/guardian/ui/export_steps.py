"""How to export chats from each app, step by step, per device.

Written from the sourced notes in assets/guidance/platforms.json (menu
names change often, so the steps name what to look for rather than exact
labels).  Each device has an illustration from assets/illustrations.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

ANDROID = "android"
IPHONE = "iphone"
COMPUTER = "computer"

DEVICE_NAMES = {
    ANDROID: QT_TRANSLATE_NOOP("ExportSteps", "Android phone"),
    IPHONE: QT_TRANSLATE_NOOP("ExportSteps", "iPhone"),
    COMPUTER: QT_TRANSLATE_NOOP("ExportSteps", "Computer"),
}


@dataclass(frozen=True)
class DeviceSteps:
    device: str
    illustration: str
    steps: tuple[str, ...]


@dataclass(frozen=True)
class AppGuide:
    app: str
    devices: tuple[DeviceSteps, ...]
    note: str = ""
    guidance_id: str = ""      # the platform in assets/guidance, when it has one


_SEND = QT_TRANSLATE_NOOP("ExportSteps", "Send the file to this computer (e-mail it to yourself, or copy it with a "
                         "cable or a USB stick), then drop it on Guardian's window.")
_REQUEST_PHONE = (
    QT_TRANSLATE_NOOP("ExportSteps", "Open the app's Settings and look for \"Download your information\" "
                     "(in Accounts Center)."),
    QT_TRANSLATE_NOOP("ExportSteps", "Choose Messages only, the format JSON, and the whole date range."),
    QT_TRANSLATE_NOOP("ExportSteps", "Wait for the e-mail saying the file is ready (from minutes to a few days)."),
    QT_TRANSLATE_NOOP("ExportSteps", "Download the .zip file on this computer and drop it here as it is; "
                     "no need to unzip it."),
)

GUIDES: dict[str, AppGuide] = {
    "whatsapp": AppGuide("whatsapp", (
        DeviceSteps(ANDROID, "android-menu.svg", (
            QT_TRANSLATE_NOOP("ExportSteps", "Open the chat you want Guardian to read."),
            QT_TRANSLATE_NOOP("ExportSteps", "Tap the three dots ⋮ at the top of the screen."),
            QT_TRANSLATE_NOOP("ExportSteps", "Tap \"More\", then \"Export chat\"."),
            QT_TRANSLATE_NOOP("ExportSteps", "Choose \"Without media\": it is smaller and enough for Guardian."),
            _SEND)),
        DeviceSteps(IPHONE, "iphone-name.svg", (
            QT_TRANSLATE_NOOP("ExportSteps", "Open the chat you want Guardian to read."),
            QT_TRANSLATE_NOOP("ExportSteps", "Tap the name of the person or group at the top."),
            QT_TRANSLATE_NOOP("ExportSteps", "Scroll down and tap \"Export Chat\"."),
            QT_TRANSLATE_NOOP("ExportSteps", "Choose \"Without Media\"."),
            _SEND))),
        QT_TRANSLATE_NOOP("ExportSteps", "Do this on your child's phone. Repeat for each chat that worries you."),
        "whatsapp"),
    "telegram": AppGuide("telegram", (
        DeviceSteps(COMPUTER, "desktop-export.svg", (
            QT_TRANSLATE_NOOP("ExportSteps", "Install Telegram Desktop on this computer and sign in with your "
                             "child's account (a code arrives on the phone)."),
            QT_TRANSLATE_NOOP("ExportSteps", "Open Settings, then Advanced, then \"Export Telegram data\"."),
            QT_TRANSLATE_NOOP("ExportSteps", "Tick personal and group chats and choose \"Machine-readable JSON\"."),
            QT_TRANSLATE_NOOP("ExportSteps", "Press Export, then drop the folder it made on Guardian's window."))),),
        QT_TRANSLATE_NOOP("ExportSteps", "Telegram's phone apps cannot export chats; the computer app can."),
        "telegram"),
    "instagram": AppGuide("instagram", (
        DeviceSteps(ANDROID, "request-data.svg", _REQUEST_PHONE),
        DeviceSteps(IPHONE, "request-data.svg", _REQUEST_PHONE)),
        QT_TRANSLATE_NOOP("ExportSteps", "Instagram sends the file by e-mail to the account's address."),
        "instagram"),
    "messenger": AppGuide("messenger", (
        DeviceSteps(ANDROID, "request-data.svg", _REQUEST_PHONE),
        DeviceSteps(IPHONE, "request-data.svg", _REQUEST_PHONE)),
        QT_TRANSLATE_NOOP("ExportSteps", "Messenger's file comes from Facebook's Accounts Center, by e-mail."),
        "messenger"),
    "discord": AppGuide("discord", (
        DeviceSteps(ANDROID, "request-data.svg", (
            QT_TRANSLATE_NOOP("ExportSteps", "Tap your child's picture, then the gear ⚙ for Settings."),
            QT_TRANSLATE_NOOP("ExportSteps", "Open \"Data & Privacy\" and tap \"Request all of my data\"."),
            QT_TRANSLATE_NOOP("ExportSteps", "Discord e-mails a link within 30 days; the link works for 30 days."),
            QT_TRANSLATE_NOOP("ExportSteps", "Download the .zip file on this computer and drop it here as it is; "
                             "no need to unzip it."))),
        DeviceSteps(IPHONE, "request-data.svg", (
            QT_TRANSLATE_NOOP("ExportSteps", "Tap your child's picture, then the gear ⚙ for Settings."),
            QT_TRANSLATE_NOOP("ExportSteps", "Open \"Data & Privacy\" and tap \"Request all of my data\"."),
            QT_TRANSLATE_NOOP("ExportSteps", "Discord e-mails a link within 30 days; the link works for 30 days."),
            QT_TRANSLATE_NOOP("ExportSteps", "Download the .zip file on this computer and drop it here as it is; "
                             "no need to unzip it.")))),
        QT_TRANSLATE_NOOP("ExportSteps", "Discord's file holds only the messages your child sent. For messages "
                         "they received, take screenshots and copy the message links."),
        "discord"),
    "snapchat": AppGuide("snapchat", (
        DeviceSteps(ANDROID, "request-data.svg", (
            QT_TRANSLATE_NOOP("ExportSteps", "First, in each worrying chat, press and hold the messages to save them."),
            QT_TRANSLATE_NOOP("ExportSteps", "Open Settings, then \"My Data\", sign in and tap \"Submit Request\"."),
            QT_TRANSLATE_NOOP("ExportSteps", "Wait for the e-mail, then download the .zip file on this computer."),
            QT_TRANSLATE_NOOP("ExportSteps", "Drop the .zip file on Guardian's window."))),
        DeviceSteps(IPHONE, "request-data.svg", (
            QT_TRANSLATE_NOOP("ExportSteps", "First, in each worrying chat, press and hold the messages to save them."),
            QT_TRANSLATE_NOOP("ExportSteps", "Open Settings, then \"My Data\", sign in and tap \"Submit Request\"."),
            QT_TRANSLATE_NOOP("ExportSteps", "Wait for the e-mail, then download the .zip file on this computer."),
            QT_TRANSLATE_NOOP("ExportSteps", "Drop the .zip file on Guardian's window.")))),
        QT_TRANSLATE_NOOP("ExportSteps", "Snapchat's file holds only chats that were saved; chats that "
                         "disappeared are missing."),
        "snapchat"),
    "sms": AppGuide("sms", (
        DeviceSteps(ANDROID, "send-to-computer.svg", (
            QT_TRANSLATE_NOOP("ExportSteps", "Install the free app \"SMS Backup & Restore\" on your child's phone."),
            QT_TRANSLATE_NOOP("ExportSteps", "Make a backup of the text messages to a file on the phone."),
            _SEND)),
        DeviceSteps(IPHONE, "send-to-computer.svg", (
            QT_TRANSLATE_NOOP("ExportSteps", "An iPhone cannot export text messages to a file by itself."),
            QT_TRANSLATE_NOOP("ExportSteps", "Take screenshots of the worrying messages and keep them safe."))),),
        "", "android"),
    "signal": AppGuide("signal", (
        DeviceSteps(COMPUTER, "desktop-export.svg", (
            QT_TRANSLATE_NOOP("ExportSteps", "Install Signal Desktop on this computer and link it to your child's "
                             "phone (scan the code shown with the phone)."),
            QT_TRANSLATE_NOOP("ExportSteps", "Use the free tool signal-export to write the chats into a folder."),
            QT_TRANSLATE_NOOP("ExportSteps", "Drop that folder on Guardian's window."))),),
        QT_TRANSLATE_NOOP("ExportSteps", "Signal's phone apps cannot export chats; this needs a computer and "
                         "some patience, or a helper who knows computers.")),
    "csv": AppGuide("csv", (
        DeviceSteps(COMPUTER, "table-columns.svg", (
            QT_TRANSLATE_NOOP("ExportSteps", "Any table saved as CSV works if it has a column for the time, one "
                             "for the sender and one for the text."),
            QT_TRANSLATE_NOOP("ExportSteps", "Choose the file on the next page; then tell Guardian which column "
                             "is which."))),)),
}

APPS: tuple[str, ...] = ("whatsapp", "telegram", "instagram", "messenger", "discord", "snapchat",
                         "sms", "signal", "csv")
