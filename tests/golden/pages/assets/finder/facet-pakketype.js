window.FINDER.add("facet-pakketype", {"jobpakke":[1],"kommunal-indsats":[0],"mentorpakke":[2]});
