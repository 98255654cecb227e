#!/bin/sh
# Make dist/guardian-<version>-macos.dmg from dist/Guardian.app (built by
# `python packaging/build.py` on a Mac).  macOS only: needs hdiutil.
#
#   packaging/macos/make_dmg.sh            after signing and notarising the app (README.md)
#
# The version comes from the app's Info.plist, which the build filled from
# guardian.__version__.  The disk image holds the app and a link to
# /Applications, so installing is a drag.  Sign and notarise the .dmg too.
set -eu

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
APP=$ROOT/dist/Guardian.app
[ -d "$APP" ] || { echo "make_dmg.sh: $APP not found; run python packaging/build.py first" >&2; exit 1; }
command -v hdiutil >/dev/null 2>&1 || { echo "make_dmg.sh: hdiutil not found (macOS only)" >&2; exit 1; }

VERSION=$(/usr/libexec/PlistBuddy -c "Print CFBundleShortVersionString" "$APP/Contents/Info.plist")
DMG=$ROOT/dist/guardian-$VERSION-macos.dmg
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT

# ditto keeps the bundle's symbolic links, extended attributes and signature.
ditto "$APP" "$STAGE/Guardian.app"
ln -s /Applications "$STAGE/Applications"
rm -f "$DMG"
hdiutil create -volname "Guardian $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG"
echo "$DMG"
