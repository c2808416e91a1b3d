window.FINDER.add("metode-sft", [0,2]);
