#!/bin/sh
# Remove Guardian (حارس) for the current user, and, if you say so, its data.
#
#   ~/.local/opt/guardian/uninstall.sh                 asks whether to keep your data
#   ~/.local/opt/guardian/uninstall.sh --keep-data     removes the program only
#   ~/.local/opt/guardian/uninstall.sh --delete-data   removes the program and all data
#
# Without a terminal to ask in and without an option, the data is kept.
# The data is where Guardian keeps it (platformdirs): ~/.local/share/guardian
# (chats, findings, backups), ~/.config/guardian (settings),
# ~/.local/state/guardian (logs), ~/.cache/guardian, plus the data key in
# the system keyring (service "Guardian").
set -eu

APP_ID=org.guardian.Guardian
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
CONFIG_HOME=${XDG_CONFIG_HOME:-$HOME/.config}
STATE_HOME=${XDG_STATE_HOME:-$HOME/.local/state}
CACHE_HOME=${XDG_CACHE_HOME:-$HOME/.cache}
OPT=$HOME/.local/opt/guardian
BIN=$HOME/.local/bin
APP=$OPT/guardian
DATA_DIRS="$DATA_HOME/guardian $CONFIG_HOME/guardian $STATE_HOME/guardian $CACHE_HOME/guardian"

say() { printf '%s\n' "$*"; }

ask_delete() {
    say "Also delete your Guardian data: the imported chats, the findings, your notes and settings?"
    say "هل تريد حذف بيانات حارس أيضًا: المحادثات المستوردة والنتائج وملاحظاتك وإعداداتك؟"
    say "This cannot be undone. / لا يمكن التراجع عن ذلك."
    printf '%s' "Delete the data? / حذف البيانات؟ [y/N] "
    read -r answer || answer=
    case $answer in
        [yY]*|نعم|ن) return 0 ;;
        *) return 1 ;;
    esac
}

delete_data() {
    wiped_key=no
    # The app's own wipe knows every file and removes the key from the
    # keyring; use it when this version has it.
    if [ -x "$APP" ] && "$APP" --help 2>/dev/null | grep -q 'delete-all'; then
        if "$APP" delete-all --yes; then
            wiped_key=yes
        else
            say "guardian delete-all failed; removing the folders directly."
        fi
    fi
    for dir in $DATA_DIRS; do
        if [ -e "$dir" ]; then
            rm -rf -- "$dir"
            say "deleted $dir"
        fi
    done
    if [ "$wiped_key" = no ]; then
        # keyring's Secret Service backend labels the entry with service=Guardian.
        if command -v secret-tool >/dev/null 2>&1 && secret-tool clear service Guardian 2>/dev/null; then
            say "deleted the \"Guardian\" entry from the keyring"
        else
            say "If the keyring holds an entry for \"Guardian\", delete it in Passwords and Keys"
            say "(Seahorse) or KWallet: without the data it unlocks, it is of no use to anyone."
        fi
    fi
    say "If you pointed Guardian at another folder (--data-dir or GUARDIAN_HOME), delete that folder yourself."
}

remove_program() {
    rm -f "$DATA_HOME/applications/$APP_ID.desktop" "$DATA_HOME/metainfo/$APP_ID.metainfo.xml"
    for icon in "$DATA_HOME"/icons/hicolor/*/apps/"$APP_ID".png "$DATA_HOME"/icons/hicolor/*/apps/"$APP_ID".svg; do
        if [ -e "$icon" ]; then rm -f "$icon"; fi
    done
    if [ -L "$BIN/guardian" ]; then
        case $(readlink "$BIN/guardian") in
            "$OPT"/*) rm -f "$BIN/guardian" ;;
        esac
    fi
    rm -rf "$OPT"
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$DATA_HOME/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t -f "$DATA_HOME/icons/hicolor" || true
    fi
    say "Guardian is removed."
}

main() {
    mode=ask
    case ${1:-} in
        --keep-data) mode=keep ;;
        --delete-data) mode=delete ;;
        "") ;;
        *) say "usage: $0 [--keep-data | --delete-data]" >&2; return 2 ;;
    esac
    if [ "$mode" = ask ]; then
        if [ -t 0 ]; then
            if ask_delete; then mode=delete; else mode=keep; fi
        else
            mode=keep
        fi
    fi
    if [ "$mode" = delete ]; then
        delete_data
    fi
    remove_program
    if [ "$mode" = keep ]; then
        say "Your data is kept for a later install, in $DATA_HOME/guardian, $CONFIG_HOME/guardian"
        say "and $STATE_HOME/guardian. To delete it later, delete those folders and the"
        say "\"Guardian\" entry in the keyring (Passwords and Keys, or KWallet)."
    fi
}

# The whole file is read before main runs, so removing ~/.local/opt/guardian
# (where this script usually lives) is safe.
main "$@"; exit $?
