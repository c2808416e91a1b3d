window.TK_DATA.add("search/v-pr", {"terms":{},"words":{"praktik":["praktik",[],[],[10,2]],"praktikplads":["praktikpladser",[],[],[12]]}});
