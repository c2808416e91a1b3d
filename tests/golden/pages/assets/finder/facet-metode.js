window.FINDER.add("facet-metode", {"mentorstoette":[2],"sft":[0,2]});
