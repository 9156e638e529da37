# Shared by bin/xmlclient and bin/simulator (sourced, not run): finds the project root, also
# when the launcher is called through a symbolic link, and makes sure the runnable jars
# (target/xmlclient.jar, target/simulator.jar, target/bench.jar) exist and are newer than the
# sources of every module, building them quietly if not.
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
simulator_jar="$root/target/simulator.jar"
bench_jar="$root/target/bench.jar"
stale() {
    for file in "$jar" "$simulator_jar" "$bench_jar"; do
        [ -f "$file" ] || return 0
    done
    # Measured against xmlclient.jar, which the shade plugin writes anew at every package (also by
    # a developer's own mvn): bench.jar is left as it was when nothing of the bench changed.
    [ -n "$(find "$root"/*/src/main "$root"/pom.xml "$root"/*/pom.xml -newer "$jar" -print 2>/dev/null | head -n 1)" ]
}
if stale; then
    echo "$(basename -- "$0"): building $root/target/*.jar (tests skipped)..." >&2
    if ! (cd "$root" && mvn -B -q -DskipTests package >"$root/target-build.log" 2>&1); then
        echo "$(basename -- "$0"): build failed, see $root/target-build.log" >&2
        exit 2
    fi
    rm -f "$root/target-build.log"
fi

# Class Data Sharing: the classes a run loads (gurux.dlms, xerces, xmlunit, ours), parsed and
# verified once into target/xmlclient.jsa by a training run (one sample script against the
# built-in simulator) after every build, then mapped by each start: about half a cold start.
# A stale or missing archive is never an error: the JVM then loads classes as usual.
jsa="$root/target/xmlclient.jsa"
# Trained once per build: a marker stops a failed or impossible training (a read-only checkout)
# from being tried again at every start.
newer() { [ ! -e "$2" ] || [ "$1" -nt "$2" ]; }   # dash's -nt is false when $2 is missing
if [ -w "$root/target" ] && newer "$jar" "$jsa" && newer "$jar" "$jsa.tried"; then
    training=$(mktemp -d 2>/dev/null || echo "$root/target/cds-training")
    java -XX:ArchiveClassesAtExit="$jsa.$$" -XX:+UseSerialGC -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$jar" \
        -x "$root/messages/get-serial-number.xml" -e "$root/expected" -o "$training" >/dev/null 2>&1
    if [ -s "$jsa.$$" ]; then
        mv -f "$jsa.$$" "$jsa" 2>/dev/null
    fi
    touch "$jsa.tried" 2>/dev/null
    rm -rf "$training" "$jsa.$$"
fi
cds="-XX:SharedArchiveFile=$jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
