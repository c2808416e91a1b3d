window.FINDER.add("facet-udbyder", {"aarhus-kommune":[0],"vaerkstedet":[1,2]});
