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
# A JDK 25 or newer: XMLCLIENT_JAVA_HOME, JAVA_HOME, the java on the PATH, then the usual install
# folders. Read from each JDK's release file, so finding one starts no JVM.
java_feature() { # the feature release of the JDK at $1 (25 for 25.0.1), or nothing
    sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null | head -n 1
}
suits() { v=$(java_feature "$1"); [ -n "$v" ] && [ "$v" -ge 25 ] && [ -x "$1/bin/java" ]; }
find_java() {
    path_java=$(command -v java 2>/dev/null) && path_java=$(readlink -f -- "$path_java" 2>/dev/null)
    for home in "${XMLCLIENT_JAVA_HOME:-}" "${JAVA_HOME:-}" "${path_java:+${path_java%/bin/java}}" \
        /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
        /Library/Java/JavaVirtualMachines/*/Contents/Home; do
        if [ -n "$home" ] && suits "$home"; then
            echo "$home/bin/java"
            return 0
        fi
    done
    return 1
}
if ! java=$(find_java); then
    echo "$(basename -- "$0"): needs a Java 25 JDK (none in JAVA_HOME, on the PATH or under /usr/lib/jvm): install one, e.g. Temurin 25 from https://adoptium.net, or set JAVA_HOME to it" >&2
    exit 2
fi

if stale; then
    echo "$(basename -- "$0"): building $root/target/*.jar (tests skipped)..." >&2
    if ! (cd "$root" && mvn -B -q -DskipTests package >"$root/target-build.log" 2>&1); then
        echo "$(basename -- "$0"): build failed, see $root/target-build.log" >&2
        exit 2
    fi
    rm -f "$root/target-build.log"
fi

# The ahead-of-time cache (Java 25, JEP 483/514): the classes a run loads (gurux.dlms, xerces,
# xmlunit, ours) read, parsed, verified and linked once into target/xmlclient.aot by a training
# run after every build (a few sample scripts against the built-in simulator, with reply files,
# report.html and junit.xml), then mapped by each start. The training must start the JVM with
# the options the runs use that the cache checks (the collector, --enable-native-access).
# A stale or missing cache is never an error: the JVM then loads classes as usual, silently.
aot="$root/target/xmlclient.aot"
# Trained once per build: a marker stops a failed or impossible training (a read-only checkout)
# from being tried again at every start.
newer() { [ ! -e "$2" ] || [ "$1" -nt "$2" ]; }   # dash's -nt is false when $2 is missing
if [ -w "$root/target" ] && newer "$jar" "$aot" && newer "$jar" "$aot.tried"; then
    training=$(mktemp -d 2>/dev/null || echo "$root/target/aot-training")
    "$java" -XX:AOTCacheOutput="$aot.$$" -Xlog:aot=off -Xlog:cds=off -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
        --enable-native-access=ALL-UNNAMED -cp "$jar" dlms.xmlclient.cli.Main \
        -x "$root/messages" -e "$root/expected" -o "$training" --exclude 'gbt/**' --exclude 'inline/**' \
        --exclude 'link-layer/**' --exclude 'load-profile/**' --exclude 'prepayment/**' --exclude 'public/**' \
        --exclude 'push/**' --exclude 'secure/**' --exclude 'sn/**' --exclude 'with-list/**' >/dev/null 2>&1
    if [ -s "$aot.$$" ]; then
        mv -f "$aot.$$" "$aot" 2>/dev/null
    fi
    touch "$aot.tried" 2>/dev/null
    rm -rf "$training" "$aot.$$" "$aot.$$.config"
fi
aot_cache="-XX:AOTCache=$aot -Xlog:aot=off -Xlog:cds=off"
