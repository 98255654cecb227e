#!/bin/sh
# Install Guardian (حارس) for the current user: no root, nothing outside $HOME.
#
#   ./install.sh
#
#   program   ~/.local/opt/guardian/            (replaced on every install)
#   command   ~/.local/bin/guardian             (a symbolic link)
#   menu      ~/.local/share/applications/org.guardian.Guardian.desktop
#   icons     ~/.local/share/icons/hicolor/*/apps/org.guardian.Guardian.*
#   metadata  ~/.local/share/metainfo/org.guardian.Guardian.metainfo.xml
#
# Your data (imported chats, settings, logs) lives elsewhere and an install
# or upgrade never touches it.  To remove Guardian: ~/.local/opt/guardian/uninstall.sh
set -eu

APP_ID=org.guardian.Guardian
HERE=$(cd "$(dirname "$0")" && pwd)
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
OPT=$HOME/.local/opt/guardian
BIN=$HOME/.local/bin

say() { printf '%s\n' "$*"; }
die() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

if [ ! -x "$HERE/guardian/guardian" ]; then
    die "run me from the unpacked guardian-*-linux folder (no guardian/guardian next to me)"
fi
if [ "$(id -u)" -eq 0 ]; then
    say "Note: this installs Guardian for root only. For a parent's account, run it as that user, without sudo."
fi

# The program: copy beside the old one, then swap, so a failed copy leaves
# the old install working.
mkdir -p "$HOME/.local/opt"
rm -rf "$OPT.new"
cp -R "$HERE/guardian" "$OPT.new"
cp "$HERE/uninstall.sh" "$OPT.new/uninstall.sh"
chmod 755 "$OPT.new/uninstall.sh"
if [ -f "$HERE/VERSION" ]; then cp "$HERE/VERSION" "$OPT.new/VERSION"; fi
rm -rf "$OPT.old"
if [ -e "$OPT" ]; then mv "$OPT" "$OPT.old"; fi
mv "$OPT.new" "$OPT"
rm -rf "$OPT.old"

mkdir -p "$BIN"
ln -sfn "$OPT/guardian" "$BIN/guardian"

# The menu entry runs the program by its full path: ~/.local/bin is not on
# every desktop session's PATH.  Paths with characters the desktop-entry
# format would need escaped fall back to the command name.
case $OPT in
    *[\"\`\$\\]*) EXEC=guardian ;;
    *) EXEC="\"$OPT/guardian\"" ;;
esac
mkdir -p "$DATA_HOME/applications" "$DATA_HOME/metainfo"
sed -e "s|^Exec=.*|Exec=$EXEC|" -e "s|^TryExec=.*|TryExec=$OPT/guardian|" \
    "$HERE/share/applications/$APP_ID.desktop" > "$DATA_HOME/applications/$APP_ID.desktop"
cp "$HERE/share/metainfo/$APP_ID.metainfo.xml" "$DATA_HOME/metainfo/"
for icon in "$HERE"/share/icons/hicolor/*/apps/*; do
    size=$(basename "$(dirname "$(dirname "$icon")")")
    mkdir -p "$DATA_HOME/icons/hicolor/$size/apps"
    cp "$icon" "$DATA_HOME/icons/hicolor/$size/apps/"
done

# Refresh the desktop's caches where the tools exist; the menu works without them.
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$DATA_HOME/applications" || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t -f "$DATA_HOME/icons/hicolor" || true
fi

say "Guardian $(cat "$OPT/VERSION" 2>/dev/null || true) is installed: find \"Guardian\" (حارس) in your applications menu."
case :${PATH:-}: in
    *:"$BIN":*) say "From a terminal: guardian --help" ;;
    *) say "From a terminal: $BIN/guardian --help  ($BIN is not on your PATH)" ;;
esac
say "To remove it later: $OPT/uninstall.sh"
