# Shared by bin/xmlclient and bin/simulator (sourced, not run): finds the project root, also
# when the launcher is called through a symbolic link, and makes sure target/xmlclient.jar exists
# and is newer than the sources, building it quietly if not.
self=$0
while [ -L "$self" ]; do
    link=$(readlink "$self")
    case $link in
        /*) self=$link ;;
        *) self=$(dirname -- "$self")/$link ;;
    esac
done
root=$(CDPATH= cd -- "$(dirname -- "$self")/.." && pwd)
jar="$root/target/xmlclient.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print 2>/dev/null | head -n 1)" ]; then
    echo "$(basename -- "$0"): building $jar (tests skipped)..." >&2
    if ! (cd "$root" && mvn -B -q -DskipTests package >"$root/target-build.log" 2>&1); then
        echo "$(basename -- "$0"): build failed, see $root/target-build.log" >&2
        exit 2
    fi
    rm -f "$root/target-build.log"
fi
