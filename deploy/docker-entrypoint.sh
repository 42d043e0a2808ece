#!/bin/sh
# Entry point of the Bridges image: the first argument names what to run, the rest is passed on.
# exec keeps node as the process that receives SIGTERM, so a service leaves its consumer group cleanly.
set -eu
what="${1:-}"
[ "$#" -gt 0 ] && shift
case "$what" in
  registry | matching | notifications | logistics | events) exec node "dist/apps/$what/src/main.js" "$@" ;;
  provision-topics) exec node dist/tools/infra/provision-cli.js "$@" ;;
  dlq-redrive) exec node dist/tools/dlq/redrive.js "$@" ;;
  *)
    echo "usage: bridges registry|matching|notifications|logistics|events|provision-topics|dlq-redrive [arguments]" >&2
    exit 64
    ;;
esac
