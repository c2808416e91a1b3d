window.FINDER.add("words-s", {"script":[2],"sft":[0,2],"snusepraktik":[2],"social":[0,2],"stjerner":[2]});
