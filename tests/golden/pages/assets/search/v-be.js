window.TK_DATA.add("search/v-be", {"terms":{},"words":{"beskæftigelseslov":["beskæftigelsesloven",[],[],[5]],"betal":["betaler",[],[],[10]]}});
