window.FINDER.add("udbyder-aarhus-kommune", [0]);
