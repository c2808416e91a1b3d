window.FINDER.add("words-sf", {"sft":[0,2]});
