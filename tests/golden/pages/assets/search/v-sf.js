window.TK_DATA.add("search/v-sf", {"terms":{"sft":[6]},"words":{"sft":["sft",[6],[0,2,8],[]]}});
