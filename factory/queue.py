#!/usr/bin/env python3
"""Runs a plan of factory runs one after another, each to its end, resuming any that stopped:
the way long CPU work continues across sessions. Start it again after any stop and it picks
up where it was. A run whose `after` run is not finished waits for it (the plan is in order).

    python3 factory/queue.py --plan factory/plans/camvid.json --runs ~/.cache/unpooled/runs
    python3 factory/queue.py --plan factory/plans/camvid.json --runs ~/.cache/unpooled/runs --status

A plan is JSON: {"runs": [{"name": ..., "args": [...train.py arguments...], "after": name?}]};
"{runs}" in an argument is replaced by the --runs folder, so runs can start from each other, and
"{data}" by the --data folder (datasets made for training only, kept outside the work tree).
A plan may also list "prepare" steps, {"creates": path, "command": [...]}, run from the
repository root before the runs whenever their path is missing (e.g. a larger synthetic set).
"""

import argparse
import json
import os
import signal
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def state_of(folder):
    """'new', 'stopped' (resumable) or 'done', with the run's progress when it has one."""
    last = os.path.join(folder, "last.pt")
    if not os.path.isfile(last):
        return "new", None
    import torch
    progress = torch.load(last, map_location="cpu")["progress"]
    return ("done" if progress.get("done") else "stopped"), progress


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--plan", required=True)
    p.add_argument("--runs", default=os.path.expanduser("~/.cache/unpooled/runs"))
    p.add_argument("--data", default=os.path.expanduser("~/.cache/unpooled/data"),
                   help="folder for datasets that plans make for training ({data} in a plan)")
    p.add_argument("--status", action="store_true", help="print each run's state and exit")
    p.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    a = p.parse_args(argv)
    with open(a.plan, encoding="utf8") as f:
        plan = json.load(f)
    runs = os.path.abspath(os.path.expanduser(a.runs))
    data = os.path.abspath(os.path.expanduser(a.data))
    os.makedirs(runs, exist_ok=True)

    def fill(text):
        return text.replace("{runs}", runs).replace("{data}", data)

    if not a.status:
        for step in plan.get("prepare", []):
            if os.path.exists(fill(step["creates"])):
                continue
            command = [fill(c) for c in step["command"]]
            print(f"queue: preparing {fill(step['creates'])}: {' '.join(command)}", flush=True)
            code = subprocess.call(command, cwd=os.path.dirname(HERE))
            if code != 0:
                print(f"queue: preparing failed (exit {code}): {' '.join(command)}", flush=True)
                return code
    stop = {"now": False}
    child = {"p": None}

    def on_signal(sig, _frame):
        stop["now"] = True
        if child["p"] is not None:
            child["p"].send_signal(sig)  # the trainer checkpoints and exits 130

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    done = set()
    for run in plan["runs"]:
        folder = os.path.join(runs, run["name"])
        state, progress = state_of(folder)
        if a.status:
            where = "" if progress is None else (f" epoch {progress['epoch']} step {progress['step']}, best val mIoU "
                                                   f"{progress['best']:.2f}" + (f", {progress['why']}" if progress.get("why") else ""))
            print(f"{run['name']}: {state}{where}")
            continue
        if state == "done":
            done.add(run["name"])
            continue
        if run.get("after") and run["after"] not in done:
            print(f"queue: {run['name']} waits for {run['after']}, which is not finished", flush=True)
            return 1
        args = [fill(a_) for a_ in run["args"]]
        cmd = [sys.executable, os.path.join(HERE, "train.py"), "--out", folder, "--threads", str(a.threads)]
        if state == "stopped":
            # a plan may shorten or lengthen a plateau run that has started; its other arguments are the checkpoint's
            cmd += ["--resume"] + (args[args.index("--epochs"):args.index("--epochs") + 2] if "--epochs" in args else [])
        else:
            cmd += args
        print(f"queue: {'resuming' if state == 'stopped' else 'starting'} {run['name']}", flush=True)
        child["p"] = subprocess.Popen(cmd)
        code = child["p"].wait()
        child["p"] = None
        if stop["now"] or code != 0:
            print(f"queue: stopped during {run['name']} (exit {code}); run the same command to continue", flush=True)
            return 130 if stop["now"] else code
        done.add(run["name"])
    if not a.status:
        print("queue: every run of the plan is finished", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
