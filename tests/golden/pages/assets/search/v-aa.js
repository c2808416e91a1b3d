window.TK_DATA.add("search/v-aa", {"terms":{"aarhus kommun":[11]},"words":{"aarhus":["aarhus",[0,10,1],[],[]]}});
